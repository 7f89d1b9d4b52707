// The shells `strato completion` writes scripts for: apart from the script
// writers (completion.ts), so registering the command loads none of them.
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];
