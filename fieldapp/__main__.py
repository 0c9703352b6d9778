from fieldapp.launch import main

main()
