// Reads files a few ahead of the one being parsed, so the disk and the
// parser work at the same time: in order, at most `window` reads in flight
// (an open file each, well below any descriptor limit).

export async function* readAhead<T, R>(items: readonly T[], read: (item: T) => Promise<R>, window = 32): AsyncGenerator<[T, R]> {
  const pending: Promise<R>[] = [];
  let next = 0;
  const fill = () => {
    while (next < items.length && pending.length < window) pending.push(read(items[next++]));
  };
  fill();
  for (let i = 0; i < items.length; i++) {
    const value = await pending.shift()!;
    fill();
    yield [items[i], value];
  }
}
