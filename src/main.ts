// Placeholder entry point: the browser lab (React Flow canvas, worker, stores) arrives with the
// next issue. Until then the page says so, in Korean and English, and points at the CLI.
import en from './ui/i18n/en.json';
import ko from './ui/i18n/ko.json';

type Messages = typeof en;

/** Appends `text` to `parent`, rendering `backticked` spans as <code>. */
function appendText(parent: HTMLElement, text: string): void {
  text.split('`').forEach((part, index) => {
    if (part === '') return;
    if (index % 2 === 1) {
      const code = document.createElement('code');
      code.textContent = part;
      parent.append(code);
    } else {
      parent.append(part);
    }
  });
}

function renderSection(lang: 'ko' | 'en', messages: Messages): HTMLElement {
  const section = document.createElement('section');
  section.lang = lang;
  const title = document.createElement('h1');
  title.textContent = messages['placeholder.title'];
  const body = document.createElement('p');
  appendText(body, messages['placeholder.body']);
  section.append(title, body);
  return section;
}

const app = document.getElementById('app');
if (app === null) {
  throw new Error('index.html has no #app element');
}
app.replaceChildren(renderSection('ko', ko), renderSection('en', en));
