Console.WriteLine("bare");
