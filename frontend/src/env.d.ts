/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the CMS is, e.g. https://cms.town.example (default http://localhost:1337). */
  readonly VITE_API_URL?: string;
  /** Map tiles, `{z}/{x}/{y}` template; empty: no tiles (neighbourhood outlines only), for tests and offline use. */
  readonly VITE_TILE_URL?: string;
  readonly VITE_TILE_ATTRIBUTION?: string;
}
