// nianbao: the engine on the command line. `nianbao parse|check …` (see usage()).
import { run } from './run';

// A reader that stops reading (`nianbao check DIR | head -1`) ends the run quietly, with the
// status a process killed by SIGPIPE has (128 + 13), as cat or grep would.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(141);
    throw e;
  });
}

run(process.argv.slice(2), { out: s => process.stdout.write(s), err: s => process.stderr.write(s) })
  .then(code => { process.exitCode = code; });
