import { drawSelfCheck, isCorrectAnswer, scoreSelfCheck, type DrawnQuestion, type Topic } from '@vungxanh/domain';
import type { Locale } from '@vungxanh/i18n';
import { outbox } from '$lib/outbox.svelte';
import type { PackQuestion } from '$lib/pack';
import { onWipe } from '$lib/wipe';

interface Answer {
  chosen: string[];
  correct: boolean;
}

/**
 * One self-check round, kept outside the page so a reader can look at a lesson and come back;
 * the kiosk's idle reset clears it.
 */
class Quiz {
  phase = $state<'choose' | 'question' | 'result'>('choose');
  topic = $state<Topic | null>(null);
  drawn = $state.raw<DrawnQuestion<PackQuestion>[]>([]);
  index = $state(0);
  answers = $state.raw<Answer[]>([]);
  #previous: string[] = [];

  get current(): DrawnQuestion<PackQuestion> | undefined {
    return this.drawn[this.index];
  }

  /** The answer to the current question, once given. */
  get answer(): Answer | undefined {
    return this.answers[this.index];
  }

  get result() {
    return scoreSelfCheck(this.answers.map((a, i) => ({ topic: this.drawn[i]!.question.topic, correct: a.correct })));
  }

  /**
   * Draws a round. In English only questions with an English text are drawn while there are
   * enough of them, so a round does not switch language halfway.
   */
  start(pool: readonly PackQuestion[], topic: Topic | null, locale: Locale): void {
    const inTopic = topic ? pool.filter((q) => q.topic === topic) : pool;
    const english = inTopic.filter((q) => q.en);
    const usable = locale === 'en' && english.length >= Math.min(10, inTopic.length) ? english : inTopic;
    this.topic = topic;
    this.drawn = drawSelfCheck(usable, { topic, avoid: this.#previous });
    this.#previous = this.drawn.map((d) => d.question.id);
    this.index = 0;
    this.answers = [];
    this.phase = 'question';
  }

  give(chosen: string[]): void {
    const q = this.current;
    if (!q || this.answer) return;
    this.answers = [...this.answers, { chosen, correct: isCorrectAnswer(q.question.correct, chosen) }];
    if (this.answers.length === this.drawn.length) {
      const { score, total } = this.result;
      void outbox.record('quiz_completed', { score, total, ...(this.topic ? { topic: this.topic } : {}) });
    }
  }

  next(): void {
    if (this.index < this.drawn.length - 1) this.index += 1;
    else this.phase = 'result';
  }

  reset(): void {
    this.phase = 'choose';
    this.topic = null;
    this.drawn = [];
    this.index = 0;
    this.answers = [];
    this.#previous = [];
  }
}

export const quiz = new Quiz();
onWipe(() => quiz.reset());
