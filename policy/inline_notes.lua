-- Pandoc Lua filter: a footnote's text in place of its mark, so a note style's citation reads inline.
function Note(note)
  return pandoc.utils.blocks_to_inlines(note.content)
end
