// What a project still owns, asked of each domain that owns things (servers,
// images, networks, volumes …) through this one small interface, so identity
// never reads another domain's keys. A project that holds anything cannot be
// deleted: its resources would be left without an owner nobody can log in to.
import { failedPrecondition } from '../../common/errors.ts';

export interface ProjectHoldings {
  /**
   * How many of each kind the project still holds, by plural noun
   * (`{ servers: 2 }`); kinds with none may be left out. A count may stop at
   * a cap (a domain need not count past what a message needs).
   */
  heldBy(projectId: string): Promise<Record<string, number>>;
}

/** Everything `holdings` report for the project, in the order given, without empty kinds. */
export async function holdingsOf(
  holdings: readonly ProjectHoldings[],
  projectId: string,
): Promise<Array<[kind: string, count: number]>> {
  const all = await Promise.all(holdings.map((h) => h.heldBy(projectId)));
  return all.flatMap((counts) => Object.entries(counts).filter(([, n]) => n > 0));
}

/** FAILED_PRECONDITION/PROJECT_NOT_EMPTY naming what remains (details: kind → count). */
export function projectNotEmpty(project: string, remaining: Array<[string, number]>) {
  const list = remaining.map(([kind, n]) => `${kind} (${n})`).join(', ');
  return failedPrecondition('PROJECT_NOT_EMPTY', `project ${project} still owns ${list}: delete them first`, {
    details: Object.fromEntries(remaining.map(([kind, n]) => [kind, String(n)])),
  });
}
