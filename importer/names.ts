// Names the importer gives: the package folder, the client prefix and the response schema of an
// action, from the product code as the metadata writes it (`Ecs`, `rds-data`, `cms-export`).

/** `rds-data` → `rds-data`, `VpcPeer` → `vpcpeer`: a folder and npm name suffix. */
export function packageName(product: string): string {
  return product
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `rds-data` → `RdsData`, `captcha` → `Captcha`, `VpcPeer` → `VpcPeer`. */
export function clientName(product: string): string {
  return product
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export function responseSchemaName(action: string): string {
  return `${action}Response`;
}
