// Which commit a config root is at, for run records and plans: the HEAD
// commit, its author and subject, and whether the tree has uncommitted
// edits. Read-only; a root outside git gives nulls, never an error.


export interface CommitInfo {
  commit: string | null;
  author: string | null;
  subject: string | null;
  dirty: boolean;
}

const NONE: CommitInfo = { commit: null, author: null, subject: null, dirty: false };

export async function commitInfo(root: string): Promise<CommitInfo> {
  try {
    const { simpleGit } = await import('simple-git');
    const git = simpleGit({ baseDir: root });
    if (!(await git.checkIsRepo())) return NONE;
    const log = await git.log({ maxCount: 1 });
    const head = log.latest;
    if (!head) return NONE;
    const status = await git.status(['--porcelain', '--', '.']);
    return {
      commit: head.hash,
      author: `${head.author_name} <${head.author_email}>`,
      subject: head.message,
      dirty: !status.isClean(),
    };
  } catch {
    return NONE;
  }
}
