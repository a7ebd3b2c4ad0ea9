import { forbidden, hasRole, type Role, type Viewer } from './auth/viewer.js';

/**
 * The policy layer. Each module names what can be done with its things as actions in its
 * `<module>.policy.ts` (`definePolicy`), each with a rule; services ask `authorize` (FORBIDDEN when
 * the rule says no) and the API's "may I" fields ask `can`, so both answer from one rule. Rules are
 * pure: they read the viewer and the subject the caller loaded, never the database. Deny by
 * default: no viewer, no rule that says yes.
 */
export type Rule<Subject> = (viewer: Viewer, subject: Subject) => boolean;

/** One action of the catalog: `<module>.<action>` and its rule. */
export interface Action<Subject> {
  readonly name: string;
  readonly rule: Rule<Subject>;
}

type Actions<Rules> = {
  readonly [Name in keyof Rules]: Rules[Name] extends (viewer: Viewer) => boolean
    ? Action<void>
    : Rules[Name] extends Rule<infer Subject>
      ? Action<Subject>
      : never;
};

/** Every action defined so far, by name: the catalog the README and the tests read. */
const catalog = new Map<string, Action<never>>();

/** A module's actions; their names are `<module>.<action>`. */
export function definePolicy<Rules extends Record<string, Rule<never>>>(
  module: string,
  rules: Rules,
): Actions<Rules> {
  const actions: Record<string, Action<never>> = {};
  for (const [action, rule] of Object.entries(rules)) {
    const name = `${module}.${action}`;
    if (catalog.has(name)) throw new Error(`Policy action ${name} is defined twice`);
    actions[action] = { name, rule };
    catalog.set(name, actions[action]);
  }
  return actions as Actions<Rules>;
}

/** The subject argument: none for an action about nothing in particular (a role's right). */
type SubjectArgs<Subject> = [Subject] extends [void] ? [] : [subject: Subject];

/** May `viewer` do `action` (to `subject`)? */
export function can<Subject>(
  viewer: Viewer | null,
  action: Action<Subject>,
  ...subject: SubjectArgs<Subject>
): boolean {
  return viewer !== null && action.rule(viewer, subject[0] as Subject);
}

/** FORBIDDEN unless `viewer` may do `action` (to `subject`). */
export function authorize<Subject>(
  viewer: Viewer | null,
  action: Action<Subject>,
  ...subject: SubjectArgs<Subject>
): void {
  if (!can(viewer, action, ...subject)) throw forbidden();
}

/** A rule that holds for the holders of any of `roles`. */
export const anyRole =
  (...roles: Role[]): Rule<void> =>
  (viewer) =>
    hasRole(viewer, ...roles);

/** The catalog's action names, sorted. */
export const policyActions = (): string[] => [...catalog.keys()].sort();

/** An action of the catalog by name (for the tests and the README's table). */
export const policyAction = (name: string): Action<never> | undefined => catalog.get(name);
