// The first stage: every document names a known kind, and at most one is
// Settings. Documents failing here go no further (their fields mean nothing
// without a kind). It must never look at any field but `kind`.

import type { SourceDocument } from '../load/types.js';
import { KIND_NAMES, isKindName, kindSpec } from '../model/kinds.js';
import type { Problem } from '../report/problem.js';
import { didYouMean } from './did-you-mean.js';
import { copyData, type TypedDocument } from './documents.js';
import { documentLine, problemAt } from './locate.js';

const KIND_LIST = KIND_NAMES.join(', ');

/**
 * `owned`: the caller will not use the documents' data again, so validation
 * may work on it in place instead of a copy (`validate`: a copy of every
 * document was a tenth of its time, with the garbage collection it caused).
 */
export function checkKinds(documents: readonly SourceDocument[], problems: Problem[], owned = false): TypedDocument[] {
  const typed: TypedDocument[] = [];
  let settings: SourceDocument | undefined;
  for (const doc of documents) {
    const kind = doc.kind;
    if (kind === undefined || kind === null) {
      problems.push(problemAt(doc, '', {
        rule: 'schema', message: 'the document has no kind',
        hint: `add a \`kind\` line naming one of: ${KIND_LIST}`,
      }));
      continue;
    }
    if (!isKindName(kind)) {
      const written = typeof kind === 'string' ? `'${kind}'` : JSON.stringify(kind);
      problems.push(problemAt(doc, '/kind', {
        rule: 'schema',
        message: `unknown kind ${written}${typeof kind === 'string' ? didYouMean(kind, KIND_NAMES) : ''}`,
        hint: `kind is one of: ${KIND_LIST}`,
      }));
      continue;
    }
    if (kind === 'Settings') {
      if (settings) {
        problems.push(problemAt(doc, '/kind', {
          rule: 'duplicate',
          message: `Settings is also defined at ${settings.file}:${documentLine(settings)}`,
          hint: 'keep all settings in one Settings document',
        }));
        continue;
      }
      settings = doc;
    }
    typed.push({
      doc, kind, spec: kindSpec(kind), data: (owned ? doc.data : copyData(doc.data)) as Record<string, unknown>, reported: new Set(),
    });
  }
  return typed;
}
