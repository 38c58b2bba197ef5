import { ApiError, type FieldIssue } from './api';
import { i18n } from './i18n.svelte';
import { notices } from './notices.svelte';

/** The parts of a zod issue we read; the schemas themselves come from @vungxanh/domain. */
interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  expected?: string;
  input?: unknown;
  message?: string;
}
interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: SchemaIssue[] } };
}

const isBlank = (v: unknown) => v === undefined || v === null || v === '';

/** A schema issue in the user's language (zod's own messages are English). */
function issueText(issue: SchemaIssue): string {
  const t = i18n.t.bind(i18n);
  const count = { min: String(issue.minimum ?? ''), max: String(issue.maximum ?? '') };
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? t('admin.validation.required') : t('admin.validation.minChars', count);
      return t('admin.validation.min', count);
    case 'too_big':
      return issue.origin === 'string' ? t('admin.validation.maxChars', count) : t('admin.validation.max', count);
    case 'invalid_type':
      if (isBlank(issue.input)) return t('admin.validation.required');
      return issue.expected === 'number' ? t('admin.validation.number') : t('admin.validation.invalid');
    case 'invalid_value':
      return isBlank(issue.input) ? t('admin.validation.required') : t('admin.validation.invalid');
    case 'invalid_format':
      return t('admin.validation.format');
    default:
      return t('admin.validation.invalid');
  }
}

/** A server-side field issue: its text is English, so Vietnamese readers get ours. */
function serverIssueText(issue: FieldIssue): string {
  if (/^required/.test(issue.message)) return i18n.t('admin.validation.required');
  return i18n.locale === 'en' ? issue.message : i18n.t('admin.validation.invalid');
}

/** A form's own wording for rule messages it knows (a domain rule's English text); null when it does not know one. */
export type RuleText = (message: string) => string | null;

/**
 * One form's state: busy while sending, a message for its alert, the issues that belong to no
 * shown field (listed under the alert), and a message per field.
 */
export class FormState {
  busy = $state(false);
  error = $state<string | null>(null);
  details = $state<string[]>([]);
  fields = $state<Record<string, string>>({});
  readonly #known: readonly string[];
  readonly #ruleText: RuleText;

  /**
   * `known` names the fields the form shows, so issues about other fields still reach the alert;
   * `ruleText` words the cross-field rules (custom issues) the form's schema may report.
   */
  constructor(known: readonly string[] = [], ruleText: RuleText = () => null) {
    this.#known = known;
    this.#ruleText = ruleText;
  }

  reset(): void {
    this.error = null;
    this.details = [];
    this.fields = {};
  }

  /** Validates with a domain schema before sending; returns the parsed value or null (messages set). */
  check<T>(schema: Schema<T>, value: unknown): T | null {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    this.#show(
      i18n.t('errors.validation_failed'),
      result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: (issue.code === 'custom' && issue.message && this.#ruleText(issue.message)) || issueText(issue),
      })),
    );
    return null;
  }

  /** Runs the action with the form busy; errors land in the form. Returns whether it succeeded. */
  async submit(action: () => Promise<unknown>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.reset();
    try {
      await action();
      return true;
    } catch (error) {
      handleError(error, this);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Shows an error's message in the alert and its field issues next to their fields. */
  show(error: ApiError): void {
    this.#show(
      error.message,
      error.issues.map((issue) => ({
        path: issue.path,
        message: this.#ruleText(issue.message) ?? serverIssueText(issue),
      })),
    );
  }

  #show(message: string, issues: FieldIssue[]): void {
    const fields: Record<string, string> = {};
    const elsewhere: string[] = [];
    for (const issue of issues) {
      if (this.#known.includes(issue.path)) fields[issue.path] ??= issue.message;
      else elsewhere.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
    }
    this.fields = fields;
    this.error = message;
    this.details = elsewhere.filter((text, i) => elsewhere.indexOf(text) === i);
  }
}

/**
 * The one way the console shows a failure: in the given form (alert and fields), or as a notice.
 * Messages from the API are already in the user's language.
 */
export function handleError(error: unknown, form?: FormState): void {
  const apiError = error instanceof ApiError ? error : new ApiError('internal', i18n.t('errors.internal'));
  if (!(error instanceof ApiError)) console.error(error);
  if (form) form.show(apiError);
  else notices.error(apiError.message);
}
