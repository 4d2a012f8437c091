/**
 * Runs before every other module of the app (its own `<script>` in index.html, so it executes
 * before the main bundle's shared chunks). Zod compiles fast object parsers with
 * `new Function`; the page's Content-Security-Policy allows no `eval`, so the browser would
 * refuse that and report a violation the first time anything is parsed, which some modules do
 * while loading. Zod reads its global configuration from this global when it loads (and keeps an
 * existing object), so the parsers run without `eval` from the very first one.
 */
const g = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(g.__zod_globalConfig ??= {}).jitless = true;

export {};
