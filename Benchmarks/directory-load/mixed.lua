-- "Many visitors, many searches": each request is one of 400 different What's on pages (20 search words or
-- word pairs, each with 4 filters, pages 1 to 5), chosen at random, so a cache of answers meets each page only a
-- few times in a run instead of once per request.
local words = {
    "kahvila", "kerho", "ryhm%C3%A4", "kurssi", "kuoro", "piiri", "club", "group", "klubb", "digituki",
    "korso", "tikkurila", "myyrm%C3%A4ki", "hakunila", "kahvila+korso", "kerho+rekola", "choir", "chess",
    "l%C3%A4ksykerho", "neuvonta",
}
local filters = { "", "&language=ar", "&free=yes", "&category=language-learning" }
local paths = {}
for _, word in ipairs(words) do
    for _, filter in ipairs(filters) do
        for page = 1, 5 do
            table.insert(paths, "/vantaa/activities?q=" .. word .. filter .. "&page=" .. page)
        end
    end
end
math.randomseed(1)
-- The warm-up (WARM=1) asks for every page in turn; the measure picks them at random.
local warm = os.getenv("WARM") == "1"
local turn = 0
request = function()
    if warm then
        turn = turn + 1
        return wrk.format("GET", paths[(turn - 1) % #paths + 1])
    end
    return wrk.format("GET", paths[math.random(#paths)])
end
