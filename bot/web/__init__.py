"""The HTTP feed server: .ics downloads and subscribable feeds on aiohttp. Handlers only set
headers and return bytes that the domain built."""
