/**
 * Watch folders and call back once per burst of changes. Editors save in several steps
 * (write a temporary file, rename it over the old one, touch the folder); a rebuild per
 * step would build half-saved files and reload the page several times.
 */
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import path from 'node:path';

/** One folder to watch. */
export interface WatchTarget {
  folder: string;
  /** Watch its subfolders too. */
  recursive: boolean;
  /** Only these names directly in `folder` count (default: every file). */
  only?: readonly string[];
}

export interface WatchOptions {
  /** Quiet time after the last change of a burst before the call, in ms (default 150). */
  debounceMs?: number;
  /** Called when a watcher fails (its folder was removed, too many watches). */
  onError?: (error: Error) => void;
}

/** Watchers that can be stopped; `close` may be called more than once. */
export interface Watching {
  close: () => void;
}

/**
 * Watch `targets`; `onChange` gets the absolute paths changed in one burst, sorted.
 *
 * A single file is watched through its folder: an editor that saves by renaming
 * replaces the file, and a watch on the old file would see nothing after that.
 */
export function watchFolders(
  targets: readonly WatchTarget[],
  onChange: (changed: string[]) => void,
  options: WatchOptions = {},
): Watching {
  const debounceMs = options.debounceMs ?? 150;
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const paths = [...changed].sort();
    changed.clear();
    onChange(paths);
  };
  const watchers: FSWatcher[] = targets.map((target) => {
    const watcher = watch(target.folder, { recursive: target.recursive }, (_event, name) => {
      // Linux may not say which file changed; then the folder itself counts.
      const relative = name ? String(name) : undefined;
      if (relative !== undefined && !counts(relative, target.only)) return;
      changed.add(relative === undefined ? target.folder : path.join(target.folder, relative));
      clearTimeout(timer);
      timer = setTimeout(flush, debounceMs);
    });
    watcher.on('error', (error) => options.onError?.(error));
    return watcher;
  });
  return {
    close: () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}

/**
 * Editors' swap, lock and backup files (`.index.md.swp`, `.#index.md`, `index.md~`) are
 * not changes: vim rewrites its swap file while one types. Other temporary files are
 * (`.goutputstream-…`, `sedAbc123`): an editor that saves by renaming one over the file
 * may be reported by that name only.
 */
const editorFiles = /^\..+\.sw[a-px]$|^\.#|~$/;

function counts(relative: string, only: readonly string[] | undefined): boolean {
  if (editorFiles.test(path.basename(relative))) return false;
  return only === undefined || only.includes(relative);
}
