// tsconfig's "moduleResolution": "node" does not read package.json "exports", which is the
// only place vscode-languageclient 11 maps its entry points; point the type checker at them.
// (esbuild resolves the real entry points through "exports".)
declare module 'vscode-languageclient/node' { export * from 'vscode-languageclient/lib/node/main'; }
declare module 'vscode-languageclient/browser' { export * from 'vscode-languageclient/lib/browser/main'; }
declare module 'vscode-languageclient' { export * from 'vscode-languageclient/lib/common/api'; }
