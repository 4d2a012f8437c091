// Runs before the app's modules (a classic script executes before deferred module scripts).
// Zod compiles fast object parsers with `new Function`; the page's Content-Security-Policy allows
// no eval, so the browser would refuse that and report a violation the first time anything is
// parsed, which some modules do while they load. Zod reads its global configuration from this
// global when it loads (keeping an existing object), so every parser runs without eval.
(globalThis.__zod_globalConfig ??= {}).jitless = true;
