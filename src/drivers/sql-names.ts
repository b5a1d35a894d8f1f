// Quoting of table names that may carry a schema (`didsync.applied_decks`).

import { ident } from '../model/columns.js';

export function qualifiedName(name: string): string {
  return name.split('.').map(ident).join('.');
}

export function copySql(table: string, columns: readonly string[], source: string): string {
  return `COPY ${qualifiedName(table)} (${columns.map(ident).join(', ')}) FROM ${source} WITH (FORMAT csv)`;
}
