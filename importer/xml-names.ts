// XML names for a converted response schema, as Alibaba's XML responses are written: the root element
// is `<Action>Response`, and a list repeats its items inside the parent under the list's own name
// (`<InstanceStatuses><InstanceStatus>…</InstanceStatus><InstanceStatus>…`), i.e. unwrapped.
type Json = Record<string, unknown>;

export function withXmlNames(schema: Json, root: string): Json {
  return { ...name(schema), xml: { name: root } };
}

function name(schema: Json): Json {
  const properties = schema.properties as Record<string, Json> | undefined;
  if (properties === undefined) return schema;
  const named: Record<string, Json> = {};
  for (const [key, property] of Object.entries(properties)) {
    if (property.type === 'array' && property.items !== undefined) {
      const items = property.items as Json;
      named[key] = {
        ...property,
        xml: { wrapped: false },
        items: items.$ref === undefined ? { ...name(items), xml: { name: key } } : items,
      };
    } else named[key] = name(property);
  }
  return { ...schema, properties: named };
}
