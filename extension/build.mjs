// Builds the browser-specific copies of the extension from `src/` (itself loadable unpacked in
// Chromium-based browsers):
//   dist/firefox/        the Firefox manifest (gecko id, background scripts, no "key")
//   dist/chromium-test/  the Chromium manifest plus access to pages on 127.0.0.1, for the
//                        end-to-end test, which opens the popup as a page instead of clicking
//                        the toolbar (so it has no activeTab grant)
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, "src");
const base = JSON.parse(readFileSync(join(src, "manifest.json"), "utf8"));

function emit(name, manifest) {
  const out = join(here, "dist", name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(src, out, { recursive: true, filter: (p) => !p.endsWith(".test.js") });
  writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  return out;
}

export function firefoxManifest(m) {
  const { key: _key, minimum_chrome_version: _min, background, ...rest } = m;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings: { gecko: {
        id: "onrecord@onrecord.app",
        strict_min_version: "142.0",
        // (Pages go to the OnRecord program on this computer, never to us or anyone else.)
        data_collection_permissions: { required: ["none"] },
      }, },
  };
}

export function testManifest(m) {
  return { ...m, host_permissions: ["http://127.0.0.1/*"] };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(emit("firefox", firefoxManifest(base)));
  console.log(emit("chromium-test", testManifest(base)));
}
