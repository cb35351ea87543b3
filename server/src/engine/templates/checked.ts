// The declarations, validated and with their defaults filled in. The build (esbuild.mjs)
// runs this module and ships its result as data in its place: no bundle loads zod or
// validates the templates at start-up. A declaration that does not validate fails the build.
import { DECLARATIONS } from './declarations';
import { validateTemplate, type TemplateDecl } from './schema';

export const CHECKED: readonly TemplateDecl[] = DECLARATIONS.map(validateTemplate);
