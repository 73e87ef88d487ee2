// Module resolve hook (node:module register) used by bind-package.ts: the reference server's imports
// of a generated package (`@acs-rpc/...`) resolve to the package being served. Plain JavaScript: Node
// loads it in its hooks thread, before any TypeScript loader could help.
let target;

/** @param {{ name: string, packageJsonUrl: string, scope: string }} data */
export function initialize(data) {
  target = data;
}

export function resolve(specifier, context, nextResolve) {
  if (
    target !== undefined &&
    specifier.startsWith('@acs-rpc/') &&
    context.parentURL?.startsWith(target.scope)
  ) {
    const subpath = specifier.split('/').slice(2).join('/');
    // The package's own name, resolved from inside it (self-reference through its "exports").
    return nextResolve(subpath === '' ? target.name : `${target.name}/${subpath}`, {
      ...context,
      parentURL: target.packageJsonUrl,
    });
  }
  return nextResolve(specifier, context);
}
