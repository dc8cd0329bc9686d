"""What the build adds to a site besides the pages: assets, the CSS bundle, the CSP, icons, QR codes,
the scripts' words, widget data that survives instant navigation, and the build's URL mapping."""
