import { defineConfig } from "vite";

// The window loads only what is bundled here: no CDN, no remote fonts (see the CSP in
// tauri.conf.json).
export default defineConfig({
  clearScreen: false,
  server: { host: "127.0.0.1", port: 5173, strictPort: true },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});
