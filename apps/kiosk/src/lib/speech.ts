/** The device's voices for a language (`vi`, `en`), or none; some browsers list voices only a moment after load. */
export async function voiceFor(lang: string, waitMs = 1500): Promise<SpeechSynthesisVoice | undefined> {
  if (typeof speechSynthesis === 'undefined') return undefined;
  const find = () => speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().replace('_', '-').startsWith(lang));
  const now = find();
  if (now || speechSynthesis.getVoices().length > 0) return now;
  return new Promise((done) => {
    const finish = () => {
      speechSynthesis.removeEventListener('voiceschanged', finish);
      clearTimeout(timer);
      done(find());
    };
    const timer = setTimeout(finish, waitMs);
    speechSynthesis.addEventListener('voiceschanged', finish);
  });
}
