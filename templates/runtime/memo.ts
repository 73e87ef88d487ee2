// A memo of what a client or transport works out per key (a region's endpoint, an origin's parse),
// bounded: when it holds `limit` keys it starts over, so keys that keep changing cannot grow it.

export function boundedMemo<K, V>(limit: number, make: (key: K) => V): (key: K) => V {
  const values = new Map<K, V>();
  return (key) => {
    if (values.has(key)) return values.get(key) as V;
    const value = make(key);
    if (values.size >= limit) values.clear();
    values.set(key, value);
    return value;
  };
}
