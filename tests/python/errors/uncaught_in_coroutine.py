# An exception out of a coroutine driven by asyncio.run: traceback through the awaits, exit code 1.
import asyncio


async def parse(text):
    await asyncio.sleep(0)
    return int(text)


async def main():
    print(await parse("12"))
    print(await parse("twelve"))


asyncio.run(main())
