// Fitting the doctor's page on two printed sheets. CSS cannot count pages, so
// the page's printed height is estimated from the HTML rls generates, and a
// long page (a trial of three or four arms, a trial and augmentation signs)
// is printed a little smaller rather than spilling onto a third sheet.
#pragma once

#include <string_view>

namespace rls::report {

// The printed height in inches of the page's body (header and main) on US
// Letter (the shorter and wider of A4 and Letter) at zoom 1: headings, each
// chart by its viewBox at the page's width, paragraphs and captions wrapped
// by characters per line at their print size, table rows. A pair of
// sections counts as the taller of the two, each half as wide.
[[nodiscard]] double printed_height_in(std::string_view body_html);

// The print zoom that brings `height_in` onto two Letter pages with room for
// what a chart moved whole to the next page leaves empty: 1 when it fits,
// else two decimals rounded down, never below 0.85.
[[nodiscard]] double print_zoom(double height_in);

} // namespace rls::report
