// The Korean words of Lessons/ko/README.md: how to read a note, the glossary (each term as the
// seed notes write it, and the one the notes use), and the notation.

import TraceCore

let notesKorean = Words(text: [:])
