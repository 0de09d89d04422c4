# Escapes in strings and character literals, as GNU as reads them.
.data
.ascii "\v\a\e\q\n\t\r\b\f\\\"\047"
.byte '\v, '\a, '\n, '\t, '\b, '\f, '\r, '\'
