-- Every exit sweep rewrites each open position's mark columns once. An update stays on its page (HOT: no new entry in
-- any of the table's five indexes, less WAL, no growth) only where the page has room for the row's new version. At
-- fillfactor 70 (0023) a page of ~420-byte rows holds 13 of them and room for about 6 new versions, so most of a sweep's
-- updates left the page: three rewrites of 100,000 rows were 64% HOT and left 116 MB; at 45, 100% HOT and 87 MB. Below
-- half full, each row's next version fits beside it. New pages take it at once; older pages as their rows move.
ALTER TABLE positions SET (fillfactor = 45);
