import type { E2eTools } from './setup';
export async function takeScreenshots(_tools: E2eTools): Promise<void> {}
