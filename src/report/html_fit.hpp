// Fitting the doctor's page on two printed sheets. CSS cannot count pages, so
// the page's printed height is estimated from the HTML rls generates, and a
// long page (a trial of three or four arms, a trial and augmentation signs)
// is printed a little smaller rather than spilling onto a third sheet.
#pragma once

#include <string_view>
#include <vector>

namespace rls::report {

// A piece of the printed page, in order: its height in inches at zoom 1 on
// US Letter, and whether the stylesheet keeps it on one page (the header,
// the summary, a chart with its caption and heading, a pair of sections,
// the methods) or lets it break (paragraphs, lists, tables). Heights come
// from headings, each chart's viewBox at the page's width, and text wrapped
// by characters per line at its print size; a pair counts as the taller of
// its two sections, each half as wide.
struct PrintPiece {
    double height_in = 0;
    bool whole = false;
};
[[nodiscard]] std::vector<PrintPiece> print_pieces(std::string_view body_html);

// The pages the page's body takes at `zoom` on Letter, or on A4: a piece
// kept whole that does not fit what is left of a page starts the next.
[[nodiscard]] int printed_pages(std::string_view body_html, double zoom, bool a4);

// The largest zoom, in hundredths from 1 down to 0.85, at which the body
// fits two pages of `paper` ("A4" or "letter"; empty: both, for a page
// printed on whatever paper); 1 when none does (a page that cannot fit two
// pages prints at full size).
[[nodiscard]] double print_zoom(std::string_view body_html, std::string_view paper = {});

} // namespace rls::report
