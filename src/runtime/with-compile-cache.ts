import { useCompileCache } from "./compile-cache.ts";

/** Loaded with `node --import` before a command's own modules (package.json scripts): see compile-cache.ts. */
useCompileCache();
