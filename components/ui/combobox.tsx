'use client';
// An editable combobox with a list popup (WAI-ARIA 1.2 pattern): type to search, arrows to move, Enter or Tab to pick, Escape to close.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { cn } from '@/lib/cn';
import { inputClass } from './field';

export type ComboboxOption = { id: number; label: string };

type Props<T extends ComboboxOption> = {
  id: string;
  value: T | null;
  options: T[];
  /** The (trimmed) text the options answer; while it differs from what is typed, the list is still loading. */
  optionsFor: string | undefined;
  onSelect: (option: T) => void;
  onClear: () => void;
  onQueryChange: (query: string) => void;
  renderOption?: (option: T) => ReactNode;
  texts: { loading: string; empty: string; status: (count: number) => string };
  /** A last option that starts creating a new entry from what was typed. */
  create?: { label: (query: string) => string; onCreate: (query: string) => void };
  invalid?: boolean;
  /** Leaving the box with text typed but nothing picked empties it (a filter must not look set when it is not). */
  clearUnpicked?: boolean;
  describedBy?: string;
  placeholder?: string;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
};

const keyOf = (v: ComboboxOption | null) => (v ? `${v.id}:${v.label}` : '');

export function Combobox<T extends ComboboxOption>({
  id,
  value,
  options,
  optionsFor,
  onSelect,
  onClear,
  onQueryChange,
  renderOption,
  texts,
  create,
  invalid,
  clearUnpicked,
  describedBy,
  placeholder,
  required,
  inputRef,
  className,
}: Props<T>) {
  const listId = `${id}-listbox`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const [text, setText] = useState(value?.label ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // Typed since the last pick: only then does the first match stand ready for Enter or Tab.
  const [typed, setTyped] = useState(false);
  const [shownKey, setShownKey] = useState(keyOf(value));
  // Enter or Tab pressed before the answer to what was typed arrived: pick its first match when it comes.
  const acceptWhenReady = useRef(false);
  // What the list was asked for: the typed text, or '' to browse everything when opened on a picked value.
  const [searchFor, setSearchFor] = useState('');

  // A value set from outside (a reset, a newly created entry) shows in the input.
  if (keyOf(value) !== shownKey) {
    setShownKey(keyOf(value));
    setText(value?.label ?? '');
    setTyped(false);
  }

  const query = text.trim();
  const current = optionsFor === searchFor;
  const shownOptions = current ? options : [];
  // The create entry waits for the answer too, so a quick Enter never creates what a search would have found.
  const offerCreate = Boolean(create) && current;
  const count = shownOptions.length + (offerCreate ? 1 : 0);
  const activeIndex = active >= 0 && active < count ? active : typed && current && shownOptions.length > 0 ? 0 : -1;

  const choose = (option: T) => {
    acceptWhenReady.current = false;
    setText(option.label);
    setTyped(false);
    setOpen(false);
    setActive(-1);
    onSelect(option);
  };

  const chooseIndex = (i: number) => {
    if (i < shownOptions.length) choose(shownOptions[i]!);
    else if (create && offerCreate) {
      setOpen(false);
      setActive(-1);
      create.onCreate(query);
    }
  };

  useEffect(() => {
    if (!acceptWhenReady.current || !current) return;
    acceptWhenReady.current = false;
    // a pick deferred until the search answer arrives; it also tells the parent (onSelect), which cannot happen while rendering
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (options[0]) choose(options[0]);
    // choose is recreated each render; the answer arriving is what matters here
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current, options]);

  useEffect(() => {
    if (open && activeIndex >= 0) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, activeIndex]);

  const pendingPick = typed && query !== '' && text !== value?.label;
  const search = (q: string) => {
    setSearchFor(q);
    onQueryChange(q);
  };
  const openList = () => {
    if (open) return;
    setOpen(true);
    search(typed ? query : '');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (!open) {
          openList();
          setActive(e.key === 'ArrowDown' ? 0 : count - 1);
        } else if (count > 0) {
          const step = e.key === 'ArrowDown' ? 1 : -1;
          setActive(((activeIndex < 0 && step < 0 ? 0 : activeIndex) + step + count) % count);
        }
        return;
      }
      case 'Enter': {
        if (e.nativeEvent.isComposing) return;
        if (open && activeIndex >= 0) {
          e.preventDefault();
          chooseIndex(activeIndex);
        } else if (pendingPick) {
          // What was typed is not picked yet: never submit the form with it.
          e.preventDefault();
          if (!current) acceptWhenReady.current = true;
          else setOpen(true);
        } else if (open) {
          e.preventDefault();
          setOpen(false);
        }
        return;
      }
      case 'Tab': {
        if (open && typed && activeIndex >= 0 && activeIndex < shownOptions.length) choose(shownOptions[activeIndex]!);
        else if (pendingPick && !current) acceptWhenReady.current = true;
        return;
      }
      case 'Escape': {
        if (open) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          e.preventDefault();
          setText('');
          setTyped(false);
          search('');
          if (value) onClear();
        }
        return;
      }
    }
  };

  const onBlur = () => {
    setOpen(false);
    setActive(-1);
    if (query === '') {
      setTyped(false);
      if (value) onClear();
    } else if (value && text !== value.label && !acceptWhenReady.current) {
      setText(value.label);
      setTyped(false);
    } else if (!value && clearUnpicked && !acceptWhenReady.current) {
      setText('');
      setTyped(false);
    }
  };

  return (
    <div className={cn('relative', className)}>
      <input
        id={id}
        ref={inputRef}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={text}
        className={cn(inputClass, 'pr-8')}
        onChange={(e) => {
          setText(e.target.value);
          setTyped(true);
          setOpen(true);
          setActive(-1);
          acceptWhenReady.current = false;
          search(e.target.value.trim());
        }}
        onClick={openList}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      <span aria-hidden="true" className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-xs text-slate-400">
        ▾
      </span>
      <ul
        id={listId}
        role="listbox"
        hidden={!open}
        className="absolute z-30 mt-1 max-h-72 w-full min-w-64 overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-300"
      >
        {!current && (
          <li role="option" aria-disabled="true" aria-selected="false" className="px-3 py-2 text-slate-500">
            {texts.loading}
          </li>
        )}
        {current && shownOptions.length === 0 && (
          <li role="option" aria-disabled="true" aria-selected="false" className="px-3 py-2 text-slate-500">
            {texts.empty}
          </li>
        )}
        {shownOptions.map((o, i) => (
          <li
            key={o.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === activeIndex}
            className={cn('cursor-pointer px-3 py-2', i === activeIndex ? 'bg-brand-50 text-slate-900' : 'text-slate-800', value?.id === o.id && 'font-semibold')}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => setActive(i)}
            onClick={() => choose(o)}
          >
            {renderOption ? renderOption(o) : o.label}
          </li>
        ))}
        {create && offerCreate && (
          <li
            id={optionId(shownOptions.length)}
            role="option"
            aria-selected={activeIndex === shownOptions.length}
            className={cn('cursor-pointer border-t border-slate-100 px-3 py-2 font-medium text-brand-700', activeIndex === shownOptions.length && 'bg-brand-50')}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => setActive(shownOptions.length)}
            onClick={() => chooseIndex(shownOptions.length)}
          >
            {create.label(query)}
          </li>
        )}
      </ul>
      <p role="status" className="sr-only">
        {open && current ? texts.status(shownOptions.length) : ''}
      </p>
    </div>
  );
}
