// tsconfig's "moduleResolution": "node" does not read package.json "exports", the only place
// vscode-languageserver 11, its protocol and jsonrpc packages map their entry points; point
// the type checker at them (esbuild resolves the real entry points through "exports").
declare module 'vscode-languageserver' { export * from 'vscode-languageserver/lib/common/api'; }
declare module 'vscode-languageserver/node' { export * from 'vscode-languageserver/lib/node/main'; }
declare module 'vscode-languageserver/browser' { export * from 'vscode-languageserver/lib/browser/main'; }
declare module 'vscode-languageserver-protocol' { export * from 'vscode-languageserver-protocol/lib/common/api'; }
declare module 'vscode-languageserver-protocol/node' { export * from 'vscode-languageserver-protocol/lib/node/main'; }
declare module 'vscode-languageserver-protocol/browser' { export * from 'vscode-languageserver-protocol/lib/browser/main'; }
declare module 'vscode-jsonrpc' { export * from 'vscode-jsonrpc/lib/common/api'; }
declare module 'vscode-jsonrpc/node' { export * from 'vscode-jsonrpc/lib/node/main'; }
declare module 'vscode-jsonrpc/browser' { export * from 'vscode-jsonrpc/lib/browser/main'; }
