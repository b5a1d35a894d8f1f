// --watch: reports when edits under the config root have settled. Every
// file event restarts a short timer; when it runs out, `onSettled` is called
// once for the whole burst (an editor's save, a git checkout). Dot-folders
// and node_modules are not watched, like the loader does not read them.

import { relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

export interface WatchOptions {
  debounceMs: number;
  onSettled: () => void;
  onError: (error: unknown) => void;
}

export interface ConfigWatcher {
  close(): Promise<void>;
}

export async function watchConfigRoot(root: string, opts: WatchOptions): Promise<ConfigWatcher> {
  let timer: NodeJS.Timeout | undefined;
  const ignored = (path: string): boolean => {
    const rel = relative(root, path);
    if (rel === '' || rel.startsWith('..')) return false;
    return rel.split(sep).some((part) => part.startsWith('.') || part === 'node_modules');
  };
  const watcher: FSWatcher = watch(root, { ignoreInitial: true, ignored, persistent: true });
  const settle = (): void => {
    clearTimeout(timer);
    timer = setTimeout(opts.onSettled, opts.debounceMs);
  };
  watcher.on('all', settle);
  watcher.on('error', opts.onError);
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
