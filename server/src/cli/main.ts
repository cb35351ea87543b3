// nianbao: the engine on the command line. `nianbao parse|check …` (see usage()).
import { run } from './run';

run(process.argv.slice(2), { out: s => process.stdout.write(s), err: s => process.stderr.write(s) })
  .then(code => { process.exitCode = code; });
