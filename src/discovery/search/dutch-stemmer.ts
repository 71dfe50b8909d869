/**
 * The Snowball Dutch stemmer (snowballstem.org/algorithms/dutch/stemmer.html),
 * the same algorithm as PostgreSQL's `dutch` text-search configuration, so
 * SQLite's FTS5 index (which has no Dutch stemmer) finds what PostgreSQL finds:
 * "maaltijden" → "maaltijd", "fietsen" → "fiets".
 * Expects one lower-case word.
 */
const VOWELS = 'aeiouyè';
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.includes(c);
const ACCENTS: Record<string, string> = { ä: 'a', á: 'a', ë: 'e', é: 'e', ï: 'i', í: 'i', ö: 'o', ó: 'o', ü: 'u', ú: 'u' };

/** i and y between vowels (and y at the start) are consonants: marked upper case while stemming. */
function prelude(word: string): string {
  const chars = [...word].map((c) => ACCENTS[c] ?? c);
  if (chars[0] === 'y') chars[0] = 'Y';
  for (let i = 1; i < chars.length; i++) {
    if (!isVowel(chars[i - 1])) continue;
    if (chars[i] === 'i' && isVowel(chars[i + 1])) chars[i] = 'I';
    else if (chars[i] === 'y') chars[i] = 'Y';
  }
  return chars.join('');
}

/** Where the region after the first non-vowel that follows a vowel (at or after `cursor`) starts. */
function regionAfter(word: string, cursor: number): number {
  for (let i = cursor + 1; i < word.length; i++) {
    if (!isVowel(word[i]) && isVowel(word[i - 1])) return i + 1;
  }
  return word.length;
}

export function stemDutch(input: string): string {
  let w = prelude(input);
  const restore = (s: string) => s.replace(/Y/g, 'y').replace(/I/g, 'i');
  if (w.length < 3) return restore(w);
  const end1 = regionAfter(w, 0);
  const p1 = Math.max(3, end1);
  const p2 = regionAfter(w, end1);
  const inR1 = (suffix: string) => w.length - suffix.length >= p1;
  const inR2 = (suffix: string) => w.length - suffix.length >= p2;
  const before = (suffix: string, back = 1) => w[w.length - suffix.length - back];
  const cut = (n: number) => (w = w.slice(0, w.length - n));
  const undouble = () => {
    if (/(kk|dd|tt)$/.test(w)) cut(1);
  };
  const enEnding = (suffix: string) => {
    if (inR1(suffix) && !isVowel(before(suffix)) && before(suffix) !== undefined && !w.slice(0, -suffix.length).endsWith('gem')) {
      cut(suffix.length);
      undouble();
      return true;
    }
    return false;
  };
  let eFound = false;
  const eEnding = () => {
    eFound = false;
    if (w.endsWith('e') && inR1('e') && before('e') !== undefined && !isVowel(before('e'))) {
      cut(1);
      eFound = true;
      undouble();
    }
  };

  // Step 1
  if (w.endsWith('heden')) {
    if (inR1('heden')) w = w.slice(0, -5) + 'heid';
  } else if (w.endsWith('ene')) enEnding('ene');
  else if (w.endsWith('en')) enEnding('en');
  else if (w.endsWith('se') || w.endsWith('s')) {
    const suffix = w.endsWith('se') ? 'se' : 's';
    const c = before(suffix);
    if (inR1(suffix) && c !== undefined && !isVowel(c) && c !== 'j') cut(suffix.length);
  }
  // Step 2
  eEnding();
  // Step 3a
  if (w.endsWith('heid') && inR2('heid') && before('heid') !== 'c') {
    cut(4);
    if (w.endsWith('en')) enEnding('en');
  }
  // Step 3b
  if (w.endsWith('end') || w.endsWith('ing')) {
    if (inR2('end')) {
      cut(3);
      if (w.endsWith('ig') && inR2('ig') && before('ig') !== 'e') cut(2);
      else undouble();
    }
  } else if (w.endsWith('ig')) {
    if (inR2('ig') && before('ig') !== 'e') cut(2);
  } else if (w.endsWith('lijk')) {
    if (inR2('lijk')) {
      cut(4);
      eEnding();
    }
  } else if (w.endsWith('baar')) {
    if (inR2('baar')) cut(4);
  } else if (w.endsWith('bar')) {
    if (inR2('bar') && eFound) cut(3);
  }
  // Step 4: "maan" → "man", "brood" → "brod"
  const n = w.length;
  if (n >= 4) {
    const last = w[n - 1];
    const pair = w.slice(n - 3, n - 1);
    if (!isVowel(last) && last !== 'I' && /^(aa|ee|oo|uu)$/.test(pair) && !isVowel(w[n - 4])) {
      w = w.slice(0, n - 2) + last;
    }
  }
  return restore(w);
}
