// CodeMirror 6 for compose files and .env text: line numbers, search (Ctrl-F), YAML highlighting,
// and lint markers where the gateway's schema check put its problems. Loaded lazily: only the
// stacks editor pulls this (and CodeMirror) in.
import { yaml } from '@codemirror/lang-yaml';
import { forceLinting, linter, lintGutter } from '@codemirror/lint';
import type { Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';

export interface EditorProblem {
  message: string;
  line?: number;
}

/** Colours from Berth's theme variables, so the editor follows dark and light alike. */
const berthTheme = EditorView.theme({
  '&': {
    backgroundColor: 'var(--color-panel)',
    color: 'var(--color-fg)',
    fontSize: '12.5px',
    height: '100%',
  },
  '.cm-scroller': { fontFamily: 'var(--font-mono, ui-monospace, monospace)' },
  '.cm-gutters': {
    backgroundColor: 'var(--color-subtle)',
    color: 'var(--color-faint)',
    borderRight: '1px solid var(--color-line)',
  },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--color-hover)' },
  '.cm-cursor': { borderLeftColor: 'var(--color-fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'color-mix(in oklab, var(--color-accent) 25%, transparent) !important',
  },
  '.cm-panels': { backgroundColor: 'var(--color-subtle)', color: 'var(--color-fg)' },
  '.cm-textfield': {
    backgroundColor: 'var(--color-panel)',
    color: 'var(--color-fg)',
    border: '1px solid var(--color-line-strong)',
  },
});

/** The problems as CodeMirror diagnostics, each on its line (the first line when unknown). */
export function toDiagnostics(
  state: EditorState,
  problems: readonly EditorProblem[],
): Diagnostic[] {
  return problems.map((problem) => {
    const number = Math.min(Math.max(problem.line ?? 1, 1), state.doc.lines);
    const line = state.doc.line(number);
    return { from: line.from, to: line.to, severity: 'error', message: problem.message };
  });
}

export function CodeEditor({
  value,
  onChange,
  label,
  language = 'yaml',
  problems = [],
  minHeight = '16rem',
}: {
  value: string;
  onChange: (value: string) => void;
  /** The editor's accessible name ("Compose file"). */
  label: string;
  language?: 'yaml' | 'text';
  problems?: readonly EditorProblem[];
  minHeight?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const problemsRef = useRef(problems);
  const lintCompartment = useRef(new Compartment());
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          berthTheme,
          language === 'yaml' ? yaml() : [],
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorState.tabSize.of(2),
          lintGutter(),
          lintCompartment.current.of(
            linter((v) => toDiagnostics(v.state, problemsRef.current), { delay: 0 }),
          ),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is made once; later values flow in through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A value from outside (an upload, a version loaded): replace the text, keep undo history.
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    problemsRef.current = problems;
    if (view.current) forceLinting(view.current);
  }, [problems]);

  return (
    <div
      ref={host}
      className="overflow-hidden rounded-md border border-line-strong [&_.cm-editor]:h-full"
      style={{ minHeight, height: minHeight }}
      data-testid={`editor-${label}`}
    />
  );
}

export default CodeEditor;
