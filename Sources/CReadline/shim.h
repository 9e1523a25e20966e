// GNU readline for the paxlab REPL.
//
// Swift 6 refuses readline's mutable global variables (they are shared state it cannot check),
// so every variable the REPL needs has a small setter or getter here and Swift calls only those.
#ifndef PAXLAB_CREADLINE_SHIM_H
#define PAXLAB_CREADLINE_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <readline/readline.h>
#include <readline/history.h>

/// Names the program for conditionals in ~/.inputrc ($if paxlab).
static inline void paxlab_rl_set_name(void) { rl_readline_name = "paxlab"; }

/// Readline must not install its own SIGINT handler: the REPL's handler decides what Ctrl-C
/// means. It may keep handling window resizes, for the whole time a prompt is shown.
static inline void paxlab_rl_leave_signals_to_caller(void) {
  rl_catch_signals = 0;
  rl_catch_sigwinch = 1;
  rl_persistent_signal_handlers = 1;
}

static inline void paxlab_rl_set_completion_function(rl_completion_func_t *function) {
  rl_attempted_completion_function = function;
}

/// Words for completion end at blanks and at the `|` of a partition, nothing else: `p1->a1`,
/// `#7` and `steps=` are single words.
static inline void paxlab_rl_set_word_breaks(void) {
  rl_completer_word_break_characters = " \t|";
}

/// Set to 1 from a completion function: do not fall back to completing file names.
static inline void paxlab_rl_set_attempted_completion_over(int over) {
  rl_attempted_completion_over = over;
}

/// What follows a unique completion: a space, or 0 for nothing (after `steps=`).
static inline void paxlab_rl_set_completion_append_character(int character) {
  rl_completion_append_character = character;
}

/// Keep candidates in the order given (message #2 before #10), not sorted as text.
static inline void paxlab_rl_set_sort_completion_matches(int sort) {
  rl_sort_completion_matches = sort;
}

static inline const char *paxlab_rl_line_buffer(void) { return rl_line_buffer; }

static inline int paxlab_rl_point(void) { return rl_point; }

static inline void paxlab_rl_set_point(int point) {
  rl_point = point < 0 ? 0 : point > rl_end ? rl_end : point;
}

/// Matches for a file name, from readline's own completer.
static inline char **paxlab_rl_filename_matches(const char *text) {
  return rl_completion_matches(text, rl_filename_completion_function);
}

#endif
