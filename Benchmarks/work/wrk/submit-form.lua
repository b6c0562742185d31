-- The HTML form as a browser sends it (POST, the path is the first argument): urlencoded with its
-- one-time form token, a new complaint each request (after prelude.lua and complaint.lua). The
-- answer is 303 to the tracking page, which wrk does not follow.
local function encode(text)
    return (text:gsub("[^%w%-%._~ ]", function(c) return string.format("%%%02X", c:byte()) end):gsub(" ", "+"))
end

function request()
    local c = random_complaint()
    local token = string.format("%08x%08x%08x%08x", math.random(0, 0x7fffffff), math.random(0, 0x7fffffff),
                                math.random(0, 0x7fffffff), math.random(0, 0x7fffffff))
    local body = "form_token=" .. token .. "&category=" .. encode(c.category) .. "&subcategory=&description="
        .. encode(c.description) .. "&location=" .. encode(c.location) .. "&kelurahan=" .. encode(c.kelurahan)
        .. "&kecamatan=" .. encode(c.kecamatan) .. "&lat=" .. c.lat .. "&lon=" .. c.lon
    return wrk.format("POST", submit_path, {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
