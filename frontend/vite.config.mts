import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));
const SKIP = new Set(['dist', 'node_modules', 'e2e', 'src', 'public']);

/** Every .html file is a page of its own: the site works on any static host, without SPA routing. */
function htmlPages(dir = root): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : htmlPages(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

/**
 * Mails link to /login/email?token=…; static hosts serve the folder's
 * index.html for that, Vite's dev server only for /login/email/. Do the same in dev.
 */
function folderIndexes(): Plugin {
  return {
    name: 'buurtplein-folder-indexes',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const [pathname, search = ''] = (req.url ?? '').split('?');
        if (!pathname.endsWith('/') && !path.extname(pathname) && fs.existsSync(path.join(root, pathname, 'index.html'))) {
          req.url = `${pathname}/index.html${search ? `?${search}` : ''}`;
        }
        next();
      });
    },
  };
}

export default defineConfig({
  root,
  // VITE_BASE=/buurtplein/ for a site under a sub-path (GitHub Pages and the like).
  base: process.env.VITE_BASE || '/',
  appType: 'mpa',
  plugins: [folderIndexes()],
  // The dev server stands in for the CMS's own serving of the site: the API is on the same origin.
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(['/api', '/uploads', '/embed'].map((prefix) => [prefix, 'http://localhost:1337'])),
  },
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    rolldownOptions: { input: htmlPages() },
  },
});
