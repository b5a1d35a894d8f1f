// The field-to-column rule of the contract (CONTRACT §2): camelCase to
// snake_case, where a run of digits starts a word together with the letters
// after it (`customer24HrSpendLimit` -> `customer_24hr_spend_limit`,
// `100relEnabled` -> `100rel_enabled`). Columns are always quoted in SQL,
// because some (like `100rel_enabled`) are not valid bare identifiers.

export function columnName(field: string): string {
  const words: string[] = [];
  // A word is: digits followed by lowercase letters (24Hr -> 24hr), or an
  // upper/lowercase letter run.
  const re = /[0-9]+[A-Za-z][a-z]*|[0-9]+|[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g;
  for (const m of field.matchAll(re)) words.push(m[0].toLowerCase());
  return words.join('_');
}

/** Quote an identifier for SQL. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
