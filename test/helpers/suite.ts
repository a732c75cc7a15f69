import { afterAll, beforeAll } from "vitest";
import { answererOver } from "./index.ts";

type Answerer = Awaited<ReturnType<typeof answererOver>>;

/**
 * The answer pipeline over these made-up files for every test of the calling file: built once before
 * them, closed (and its temp folder removed) after. The returned object stands for the pipeline.
 */
export function answererForFile(files: Record<string, string>): Answerer {
  let current: Answerer | undefined;
  beforeAll(async () => {
    current = await answererOver(files);
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as Answerer, {
    get(_, key) {
      if (!current) throw new Error("answererForFile: the pipeline is built in beforeAll; use it inside a test");
      const value = current[key as keyof Answerer];
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}
