/** Run before every test file: what the helpers leave behind goes after the file's last test. */
import { afterAll } from 'vitest';
import { removeTempFolders } from './temp-folders.js';

// Registered first, so it runs after the test file's own afterAll hooks (they run in reverse order).
afterAll(removeTempFolders);
