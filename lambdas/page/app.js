import { ApiError, SignInNeeded, countVisit, listChirps, nextPage, postChirp } from './api.js';
import * as auth from './auth.js';

const MAX_LENGTH = 280;
const REFRESH_MS = 10_000;
const MAX_PAUSE_MS = 5 * 60_000;
// Pages a refresh reads to reach the chirps shown; past them, the feed is loaded again.
const CATCH_UP_PAGES = 5;
// The count is announced only once typing pauses, and only this close to the limit or over it.
const COUNT_PAUSE_MS = 1_000;
const COUNT_NEAR = 20;
// The draft outlives a trip to the sign-in page (sessionStorage: this tab only).
const DRAFT_KEY = 'chirps.draft';
const HANDLE = /^[A-Za-z0-9_.-]{1,64}$/;

const $ = (id) => document.getElementById(id);
const form = $('compose');
const text = $('text');
const feed = $('feed');
const more = $('more');

// keys: every chirp shown; listed: those the feed's own pages gave, which one's own post, shown at once, is not.
const state = { user: null, next: null, keys: new Set(), listed: new Set(), generation: 0 };

const keyOf = (chirp) => `${chirp.userId}\u0000${chirp.timestamp}`;
const lengthOf = (value) => [...value].length; // code points, as the API counts
// The page's own language, not the browser's: times read in the words around them.
const LOCALE = document.documentElement.lang;
const relative = new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' });

function when(timestamp) {
  const seconds = Math.round((timestamp - Date.now()) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  if (Math.abs(seconds) < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (Math.abs(seconds) < 86400) return relative.format(Math.round(seconds / 3600), 'hour');
  return new Date(timestamp).toLocaleDateString(LOCALE, { dateStyle: 'medium' });
}

/** A region read aloud when it changes is written only with new words: the same ones would be announced again. */
function say(element, words) {
  if (element.textContent !== words) element.textContent = words;
}

/** The times of the chirps shown, told again: a feed left open would otherwise say "just now" for hours. */
function retime() {
  for (const time of feed.querySelectorAll('time')) {
    say(time, when(Date.parse(time.dateTime)));
  }
}

function userLink(userId) {
  const url = new URL(location.href);
  url.search = new URLSearchParams({ user: userId });
  url.hash = '';
  return url.pathname + url.search;
}

function render(chirp) {
  const item = document.createElement('li');
  item.className = 'chirp';
  item.dataset.timestamp = chirp.timestamp;
  const meta = document.createElement('p');
  meta.className = 'meta';
  const who = document.createElement('a');
  who.className = 'handle';
  who.href = userLink(chirp.userId);
  who.textContent = `@${chirp.userId}`;
  // The spoken name starts with the words shown, so that someone who speaks what they see can follow the link.
  who.setAttribute('aria-label', `@${chirp.userId}: chirps by ${chirp.userId}`);
  const time = document.createElement('time');
  const date = new Date(chirp.timestamp);
  time.dateTime = date.toISOString();
  time.title = date.toLocaleString(LOCALE);
  time.textContent = when(chirp.timestamp);
  meta.append(who, ' · ', time);
  const body = document.createElement('p');
  body.className = 'text';
  body.textContent = chirp.text;
  item.append(meta, body);
  return item;
}

function showError(element, error) {
  const message = error instanceof ApiError ? error.message : 'Something went wrong in this page. Reload and try again.';
  // An alert region: the feed failing again with the same words is not announced again.
  say(element, message);
  element.hidden = false;
  if (!(error instanceof ApiError)) console.error(error);
}

function clearError(element) {
  element.hidden = true;
  element.textContent = '';
}

/** A feed read that failed says why, beside a button that tries again at once rather than at the next poll. */
function feedFailed(error) {
  showError($('feed-error'), error);
  $('retry').hidden = false;
}

function feedRead() {
  clearError($('feed-error'));
  $('retry').hidden = true;
}

const listedBefore = (chirps) => chirps.some((chirp) => state.listed.has(keyOf(chirp)));

/**
 * Pages append in order; chirps that turn up later (refresh, own post) slot in by time, unless they belong to a page
 * not loaded yet. What the feed's pages gave is remembered as listed; one's own post (`listed` false) is not.
 */
function add(chirps, where, listed = true) {
  let added = 0;
  for (const chirp of chirps) {
    const key = keyOf(chirp);
    if (listed) state.listed.add(key);
    if (state.keys.has(key)) continue;
    const node = render(chirp);
    if (where === 'bottom') {
      feed.append(node);
    } else {
      const after = [...feed.children].find((item) => Number(item.dataset.timestamp) < chirp.timestamp);
      if (after) feed.insertBefore(node, after);
      else if (!state.next) feed.append(node);
      else continue;
    }
    state.keys.add(key);
    added++;
  }
  $('empty').hidden = feed.children.length > 0;
  return added;
}

function showMore(next) {
  state.next = next;
  more.hidden = !next;
}

/**
 * While the feed keeps failing, its polling waits: at least what the service asked for (Retry-After on a 429 or 503),
 * and twice as long after each failure in a row, up to MAX_PAUSE_MS, so that every open tab does not keep calling a
 * service that is busy or down. A person's own navigation still loads at once.
 */
const pause = { until: 0, failures: 0 };

function pauseAfter(error) {
  pause.failures += 1;
  const backOff = Math.min(MAX_PAUSE_MS, REFRESH_MS * 2 ** (pause.failures - 1));
  const asked = error instanceof ApiError && error.retryAfterSeconds !== null ? error.retryAfterSeconds * 1000 : 0;
  pause.until = Date.now() + Math.max(backOff, asked);
}

function resume() {
  pause.failures = 0;
  pause.until = 0;
}

async function load(user) {
  const generation = ++state.generation;
  state.user = user;
  state.keys.clear();
  state.listed.clear();
  feed.replaceChildren();
  showMore(null);
  $('empty').hidden = true;
  $('empty').textContent = user ? `@${user} has not chirped yet.` : 'No chirps yet. Be the first!';
  $('loading').hidden = false;
  clearError($('more-error'));
  $('feed-heading').textContent = user ? `Chirps by @${user}` : 'Everyone’s chirps';
  $('everyone').hidden = !user;
  document.title = user ? `@${user} · Chirps` : 'Chirps';
  feed.setAttribute('aria-busy', 'true');
  try {
    const page = await listChirps(user);
    resume();
    if (generation !== state.generation) return;
    feedRead();
    add(page.body, 'bottom');
    showMore(page.next);
  } catch (error) {
    pauseAfter(error);
    if (generation === state.generation) feedFailed(error);
  } finally {
    if (generation === state.generation) $('loading').hidden = true;
    feed.removeAttribute('aria-busy');
  }
}

function announceNew(added) {
  if (added) $('feed-status').textContent = `${added} new chirp${added === 1 ? '' : 's'}`;
}

// A refresh on its way: the timer does not send another until it is answered, so a slow feed is not asked ever more often.
let refreshing = false;

/** The feed's newest chirps, added; `now` looks even while polling waits, for a person who was told it does. */
async function refresh(now = false) {
  if (document.hidden) return;
  retime();
  if (!now && (refreshing || Date.now() < pause.until)) return;
  const generation = state.generation;
  refreshing = true;
  try {
    let page = await listChirps(state.user);
    resume();
    if (generation !== state.generation) return;
    feedRead();
    if (!state.listed.size) {
      // Nothing listed (the first load failed, or found none; one's own post may be shown): this is the feed's first
      // page, with its own next.
      announceNew(add(page.body, 'bottom'));
      showMore(page.next);
      return;
    }
    // A page that reaches no chirp an earlier page listed: more may have come than a page holds, and those between it
    // and the ones shown would never be (Load more goes on below them), so the pages after it are read until one
    // does. One's own chirp is shown but was never listed, so it is no sign of having caught up.
    let reached = listedBefore(page.body);
    let total = add(page.body, 'top');
    for (let pages = 1; !reached && page.next; pages++) {
      if (pages === CATCH_UP_PAGES) {
        load(state.user);
        return;
      }
      page = await nextPage(page.next);
      if (generation !== state.generation) return;
      reached = listedBefore(page.body);
      total += add(page.body, 'top');
    }
    announceNew(total);
  } catch (error) {
    pauseAfter(error);
    if (generation === state.generation) feedFailed(error);
  } finally {
    refreshing = false;
  }
}

function navigate(user, push) {
  if (push) history.pushState({ user }, '', user ? userLink(user) : location.pathname);
  load(user);
}

function currentUser() {
  const user = new URLSearchParams(location.search).get('user');
  return user && HANDLE.test(user) ? user : null;
}

let countPause = 0;

/**
 * The count beside the field, which is read with it. A live region rewritten at each keystroke would interrupt the
 * person typing with every number, so a screen reader hears it from a second region, once typing pauses, near the
 * limit or over it.
 */
function updateCount(typed) {
  // Counted as posted: without the spaces around it, which are trimmed.
  const left = MAX_LENGTH - lengthOf(text.value.trim());
  const count = $('text-count');
  const words = left >= 0 ? `${left} character${left === 1 ? '' : 's'} left` : `${-left} character${left === -1 ? '' : 's'} too many`;
  count.textContent = words;
  count.classList.toggle('over', left < 0);
  clearTimeout(countPause);
  if (left > COUNT_NEAR) say($('text-count-status'), '');
  else if (typed) countPause = setTimeout(() => say($('text-count-status'), words), COUNT_PAUSE_MS);
}

// Whether the page's configuration names an issuer; until it has been read, the buttons are as if it did.
let signInOffered = true;

/**
 * Who is signed in, shown beside the composer with the matching buttons. Sign out stays while an expired or refused
 * token is kept: the issuer's session outlives it, and on a shared computer it must still be possible to end it.
 * Where the page's configuration names no issuer, neither button is offered: each could only fail.
 */
function showAccount() {
  const person = signInOffered ? auth.current() : null;
  const signedIn = person && !person.expired;
  say($('signed-in-as'), !signInOffered ? 'Sign-in is not configured for this page: reading only.'
    : signedIn ? `Signed in as @${person.handle}`
      : person ? 'Your sign-in has expired: sign in again to chirp (your draft is kept).'
        : 'Not signed in: anyone can read, only people signed in can chirp.');
  $('sign-in').hidden = !signInOffered || Boolean(signedIn);
  $('sign-out').hidden = !person;
  // Reading only: a field and a button that could never post are not offered.
  form.querySelector('.field').hidden = !signInOffered;
  $('post').hidden = !signInOffered;
}

function askToSignIn(message) {
  const error = $('compose-error');
  error.textContent = message;
  error.hidden = false;
  showAccount();
  $('sign-in').focus();
}

function invalid() {
  const length = lengthOf(text.value.trim());
  if (!length) return 'Write something to chirp.';
  if (length > MAX_LENGTH) return `A chirp is at most ${MAX_LENGTH} characters; this one has ${length}.`;
  return null;
}

// Until when posting waits, as the service asked (Retry-After): the button sends nothing it would refuse.
let postingHeldUntil = 0;

function holdPosting(seconds) {
  postingHeldUntil = Date.now() + seconds * 1000;
  setTimeout(() => { $('post').disabled = false; }, seconds * 1000);
}

/** The seconds a failure asked posting to wait (Retry-After), at most MAX_PAUSE_MS; 0 where it asked none. */
const waitOf = (failure) => failure instanceof ApiError && failure.retryAfterSeconds
  ? Math.min(failure.retryAfterSeconds, MAX_PAUSE_MS / 1000) : 0;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (Date.now() < postingHeldUntil) return;
  const error = $('compose-error');
  const problem = invalid();
  if (problem) {
    error.textContent = problem;
    error.hidden = false;
    text.setAttribute('aria-invalid', 'true');
    text.focus();
    return;
  }
  const person = auth.current();
  if (!person || person.expired) {
    askToSignIn(person ? 'Your sign-in has expired. Sign in again to post this chirp; your draft is kept.'
      : 'Sign in to chirp; your draft is kept.');
    return;
  }
  clearError(error);
  const button = $('post');
  button.disabled = true;
  button.textContent = 'Posting…';
  // What is typed while the chirp is on its way would be lost when the field is cleared for the next one.
  text.readOnly = true;
  try {
    const chirp = await postChirp(person.token, text.value.trim());
    text.value = '';
    sessionStorage.removeItem(DRAFT_KEY);
    updateCount();
    if (!state.user || state.user === chirp.userId) add([chirp], 'top', false);
    $('feed-status').textContent = 'Your chirp was posted.';
    text.focus();
  } catch (failure) {
    const wait = waitOf(failure);
    const waitWords = wait ? ` Try again in ${wait} s.` : '';
    if (failure instanceof SignInNeeded) {
      auth.expire();
      askToSignIn('Your sign-in is no longer accepted. Sign in again to post this chirp; your draft is kept.');
    } else if (failure instanceof ApiError && failure.mayHaveBeenDone) {
      // Sending it again blindly could post it twice: the feed is checked instead, and the person decides.
      const why = failure.status === null ? 'No answer came from the chirp service.' : failure.message;
      showError(error, new ApiError(`${why} The chirp may have been posted: the feed below is checked now; `
        + `post it again only if it is not there. Your draft is kept.${waitWords}`));
      refresh(true);
    } else {
      showError(error, wait ? new ApiError(`${failure.message}${waitWords} Your draft is kept.`) : failure);
    }
    if (wait) holdPosting(wait);
  } finally {
    text.readOnly = false;
    button.disabled = Date.now() < postingHeldUntil;
    button.textContent = 'Chirp';
    // The button was disabled under the keyboard's focus, which the browser then drops to the page's top: it goes back
    // to the draft, which the error describes.
    if (document.activeElement === document.body || document.activeElement === button && button.disabled) text.focus();
  }
});

$('sign-in').addEventListener('click', () => {
  sessionStorage.setItem(DRAFT_KEY, text.value);
  auth.signIn().catch((failure) => showError($('compose-error'), failure));
});

$('sign-out').addEventListener('click', () => {
  auth.signOut().then(() => {
    showAccount();
    // "Sign out" hid itself under the keyboard's focus, which would drop to the page's top.
    $('sign-in').focus();
  }, (failure) => showError($('compose-error'), failure));
});

feed.addEventListener('click', (event) => {
  const link = event.target.closest('a.handle');
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(new URL(link.href).searchParams.get('user'), true);
  $('feed-heading').focus();
});

for (const id of ['everyone', 'home']) {
  $(id).addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(null, true);
    // "Show everyone" hides itself: focus goes to the feed it shows, as after following a handle, not to the page's top.
    $('feed-heading').focus();
  });
}

more.addEventListener('click', async () => {
  if (!state.next) return;
  const generation = state.generation;
  more.disabled = true;
  try {
    const page = await nextPage(state.next);
    if (generation !== state.generation) return;
    clearError($('more-error'));
    const shownBefore = feed.children.length;
    const added = add(page.body, 'bottom');
    showMore(page.next);
    $('feed-status').textContent = `${added} more chirp${added === 1 ? '' : 's'} loaded${more.hidden ? '; that is all of them' : ''}.`;
    // On the last page the button hides itself: the keyboard goes on from the first chirp it loaded.
    if (more.hidden) (feed.children[shownBefore]?.querySelector('a.handle') || $('feed-heading')).focus();
  } catch (error) {
    // Beside the button, where the person who pressed it is looking.
    showError($('more-error'), error);
  } finally {
    more.disabled = false;
  }
});

$('retry').addEventListener('click', () => {
  // Nothing listed yet: the feed is loaded again; else its newest chirps are read, as by the poll.
  (state.listed.size ? refresh(true) : load(state.user)).then(() => {
    if ($('retry').hidden) $('feed-heading').focus();
  });
});

// Following the skip link (a fragment) pops state too, and must not reload the feed it moves to.
window.addEventListener('popstate', () => {
  const user = currentUser();
  if (user !== state.user) load(user);
});
document.addEventListener('visibilitychange', () => refresh());
text.addEventListener('input', () => {
  updateCount(true);
  clearError($('compose-error'));
  text.removeAttribute('aria-invalid');
  sessionStorage.setItem(DRAFT_KEY, text.value);
});
text.value = sessionStorage.getItem(DRAFT_KEY) || '';
updateCount();
auth.completeSignIn()
  .catch((failure) => { showError($('compose-error'), failure); return false; })
  .then((signedIn) => auth.available().then((offered) => {
    signInOffered = offered;
    showAccount();
    // Back from signing in, which the person did to chirp: the keyboard starts at the draft, not the page's top.
    if (signedIn) text.focus();
  }))
  .catch((failure) => showError($('compose-error'), failure));
load(currentUser());
setInterval(refresh, REFRESH_MS);

countVisit()
  .then((value) => { $('visits').textContent = `Visits: ${value.toLocaleString(LOCALE)}`; })
  .catch((error) => { $('visits').textContent = `Visits unavailable: ${error.message}`; });
