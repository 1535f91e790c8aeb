import { defineConfig } from "vite";

// Built by mvn (exec-maven-plugin: npm ci, npm run build) into the jar's /web resources.
// No inline script anywhere: the server's Content-Security-Policy allows scripts from 'self' only.
export default defineConfig({
  base: "/",
  build: {
    outDir: "../../../target/classes/web",
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
