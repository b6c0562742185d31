-- A new JSON submission each request (POST, the path is the first argument), after prelude.lua and
-- complaint.lua.
local function quote(text) return '"' .. text:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"' end

function request()
    local c = random_complaint()
    local body = string.format(
        '{"category":%s,"description":%s,"location":%s,"kelurahan":%s,"kecamatan":%s,"lat":%s,"lon":%s,'
            .. '"anonymous":true,"confidential":false}',
        quote(c.category), quote(c.description), quote(c.location), quote(c.kelurahan), quote(c.kecamatan), c.lat, c.lon)
    return wrk.format("POST", submit_path, {["Content-Type"] = "application/json"}, body)
end
