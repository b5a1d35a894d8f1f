// Generates realistic rate decks for tests and timings: distinct prefixes,
// destinations repeated across many prefixes, six-place rates, some dates.

export function generateDeck(rows: number, opts: { crlf?: boolean; quoteEvery?: number } = {}): string {
  const nl = opts.crlf ? '\r\n' : '\n';
  const parts: string[] = ['prefix,destination,rate,connectionFee,initialInterval,recurringInterval,effectiveDate,endDate'];
  const countries = ['United Kingdom', 'Germany', 'France', 'United States', 'India', 'Brazil', 'Japan', 'Nigeria'];
  const kinds = ['Fixed', 'Mobile', 'Mobile Vodafone', 'Premium', 'Toll Free'];
  for (let i = 0; i < rows; i++) {
    const prefix = String(100000 + i * 7);
    let destination = `${countries[i % countries.length]} - ${kinds[(i >> 3) % kinds.length]} ${(i >> 6) % 200}`;
    if (opts.quoteEvery && i % opts.quoteEvery === 0) destination = `"${destination}, ""x"""`;
    const rate = `0.${String((i * 7919) % 1000000).padStart(6, '0')}`;
    const fee = i % 4 === 0 ? '0.01' : '';
    const eff = i % 2 === 0 ? '2025-01-01' : '';
    parts.push(`${prefix},${destination},${rate},${fee},60,60,${eff},`);
  }
  return parts.join(nl) + nl;
}
